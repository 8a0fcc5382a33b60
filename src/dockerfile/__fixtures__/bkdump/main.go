// bkdump runs BuildKit's own Dockerfile parser over inputs for the differential test
// (src/dockerfile/buildkit-diff.slow.test.ts). Input: one JSON string per line (a Dockerfile).
// Output: one JSON object per line: the Dump() text (plus the trailing newline BuildKit's tests
// add), the error message, and each instruction's start and end line.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type result struct {
	Dump  string   `json:"dump"`
	Error string   `json:"error"`
	Lines [][2]int `json:"lines"`
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<26)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		var text string
		if err := json.Unmarshal(in.Bytes(), &text); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var r result
		res, err := parser.Parse(strings.NewReader(text))
		if err != nil {
			r.Error = err.Error()
		} else {
			r.Dump = res.AST.Dump() + "\n"
			for _, c := range res.AST.Children {
				r.Lines = append(r.Lines, [2]int{c.StartLine, c.EndLine})
			}
		}
		b, _ := json.Marshal(r)
		fmt.Fprintln(out, string(b))
	}
}
