// Command server exposes the store over HTTP: GET /jobs lists jobs and their state.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"

	"example.com/multicmd/internal/buildinfo"
	"example.com/multicmd/internal/store"
)

func handler(s *store.Store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /jobs", func(w http.ResponseWriter, _ *http.Request) {
		for _, k := range s.Keys("job/") {
			v, _ := s.Get(k)
			fmt.Fprintf(w, "%s=%s\n", strings.TrimPrefix(k, "job/"), v)
		}
	})
	mux.HandleFunc("GET /version", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, buildinfo.Line("server"))
	})
	return mux
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	selftest := flag.Bool("selftest", false, "serve one request in-process and print a summary line")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	if *version {
		fmt.Println(buildinfo.Line("server"))
		return
	}
	s := store.New()
	if _, err := s.Migrate(store.Schema()); err != nil {
		log.Fatal(err)
	}
	if *selftest {
		rec := httptest.NewRecorder()
		handler(s).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/jobs", nil))
		fmt.Printf("server selftest: GET /jobs %d %s\n", rec.Code, strings.Join(strings.Fields(rec.Body.String()), ","))
		return
	}
	log.Printf("server listening on %s", *addr)
	if err := http.ListenAndServe(*addr, handler(s)); err != nil {
		log.Print(err)
		os.Exit(1)
	}
}
