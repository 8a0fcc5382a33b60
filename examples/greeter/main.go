// Command greeter is the example HTTP service: a greeting API on a small gin-style router.
//
//	greeter [-addr :8080]   serve HTTP
//	greeter --selftest      exercise the routes in-process and print one deterministic line
//	greeter -version        print the version stamped at build time
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	selftest := flag.Bool("selftest", false, "run the routes in-process, print a summary line, exit")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()

	switch {
	case *version:
		fmt.Println("greeter", Version)
	case *selftest:
		line, err := selfTest()
		if err != nil {
			fmt.Fprintln(os.Stderr, "greeter selftest failed:", err)
			os.Exit(1)
		}
		fmt.Println(line)
	default:
		logger := log.New(os.Stderr, "greeter ", log.LstdFlags)
		logger.Printf("listening on %s", *addr)
		if err := http.ListenAndServe(*addr, newApp(logger, os.Getenv("ADMIN_TOKEN"))); err != nil {
			logger.Fatal(err)
		}
	}
}

// selfTest drives a fixed set of requests through the real router and summarises the answers.
func selfTest() (string, error) {
	app := newApp(nil, "s3cret")
	reqs := []struct{ path, token string }{
		{"/hello/gopher", ""}, {"/hello?name=ada+lovelace", ""}, {"/static/css/site.css", ""},
		{"/admin/routes", ""}, {"/admin/routes", "s3cret"}, {"/missing", ""},
	}
	parts := make([]string, 0, len(reqs))
	for _, q := range reqs {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, q.path, nil)
		if q.token != "" {
			req.Header.Set("X-Admin-Token", q.token)
		}
		app.ServeHTTP(rec, req)
		parts = append(parts, fmt.Sprintf("%d %s", rec.Code, strings.TrimSpace(rec.Body.String())))
	}
	if parts[0] != "200 Hello, Gopher!" {
		return "", fmt.Errorf("unexpected greeting %q", parts[0])
	}
	return "greeter selftest: " + strings.Join(parts, " | "), nil
}
