// Command migrate applies the schema migrations (to an in-memory store in this example).
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"example.com/multicmd/internal/buildinfo"
	"example.com/multicmd/internal/store"
)

func main() {
	selftest := flag.Bool("selftest", false, "apply the migrations to a fresh store and print a summary line")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *version {
		fmt.Println(buildinfo.Line("migrate"))
		return
	}
	s := store.New()
	applied, err := s.Migrate(store.Schema())
	if err != nil {
		fmt.Fprintln(os.Stderr, "migrate:", err)
		os.Exit(1)
	}
	if *selftest {
		fmt.Printf("migrate selftest: applied %s; schema version %d\n", strings.Join(applied, ","), s.Version())
		return
	}
	for _, a := range applied {
		fmt.Println("applied", a)
	}
}
