// Command generator writes ../expected.tsv: the findings of BuildKit's own Dockerfile checks
// (dockerfile2llb.DockerfileLint, the code behind `docker build --check`) for every file in
// ../cases, one "file<TAB>check<TAB>line<TAB>message" line each, sorted. The lint parity test
// (src/lint/rules/buildkit-parity.test.ts) compares our rules against it.
//
// Run from this directory (needs the Go module proxy): go run . > ../expected.tsv
//
// BuildKit resolves base images from a registry; offline, a stand-in resolver answers with a
// one-layer linux image for the requested platform (arm64 for Docker Hub's arm64v8/ namespace),
// whose config has PATH, plus the official golang image's variables for golang images.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/moby/buildkit/frontend/subrequests/lint"
	"github.com/moby/buildkit/solver/pb"
	digest "github.com/opencontainers/go-digest"
)

type resolver struct{}

func (resolver) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	arch := "amd64"
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		arch = opt.ImageOpt.Platform.Architecture
	}
	if strings.HasPrefix(ref, "docker.io/arm64v8/") {
		arch = "arm64"
	}
	env := []string{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
	if strings.Contains(ref, "/golang:") {
		env = []string{"PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "GOLANG_VERSION=1.23.4", "GOTOOLCHAIN=local", "GOPATH=/go"}
	}
	cfg := map[string]any{
		"architecture": arch, "os": "linux", "config": map[string]any{"Env": env},
		"rootfs": map[string]any{"type": "layers", "diff_ids": []string{"sha256:" + strings.Repeat("ab", 32)}},
	}
	dt, err := json.Marshal(cfg)
	return ref, digest.FromBytes(dt), dt, err
}

func lintFile(dt []byte) (res *lint.LintResults, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	st := llb.Scratch()
	sm := llb.NewSourceMap(&st, "Dockerfile", "Dockerfile", dt)
	def, err := llb.Scratch().Marshal(context.Background())
	if err != nil {
		return nil, err
	}
	sm.Definition = def
	caps := pb.Caps.CapSet(pb.Caps.All())
	return dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{MetaResolver: resolver{}, SourceMap: sm, LLBCaps: &caps})
}

func main() {
	files, err := filepath.Glob("../cases/*.Dockerfile")
	if err != nil {
		panic(err)
	}
	var lines []string
	for _, f := range files {
		dt, err := os.ReadFile(f)
		if err != nil {
			panic(err)
		}
		res, err := lintFile(dt)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", f, err)
			continue
		}
		for _, w := range res.Warnings {
			line := 0
			if w.Location != nil && len(w.Location.Ranges) > 0 {
				line = int(w.Location.Ranges[0].Start.Line)
			}
			lines = append(lines, fmt.Sprintf("%s\t%s\t%d\t%s", filepath.Base(f), w.RuleName, line, w.Detail))
		}
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}
