// Command worker runs the pending jobs once and exits.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"example.com/multicmd/internal/buildinfo"
	"example.com/multicmd/internal/jobs"
	"example.com/multicmd/internal/store"
)

func main() {
	selftest := flag.Bool("selftest", false, "seed a store, run the jobs and print a summary line")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *version {
		fmt.Println(buildinfo.Line("worker"))
		return
	}
	s := store.New()
	if _, err := s.Migrate(store.Schema()); err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
	results := jobs.RunPending(s)
	if *selftest {
		fmt.Printf("worker selftest: %d jobs; %s\n", len(results), strings.Join(results, "; "))
		return
	}
	for _, r := range results {
		fmt.Println(r)
	}
}
