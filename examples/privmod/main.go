// Command privmod is an API that authenticates requests with a company-internal module,
// git.internal.example/platform/auth: the case where builds need GOPRIVATE/GONOSUMDB and a
// private module proxy (or, as here, a replace directive) to fetch dependencies.
//
//	privmod [-addr :8080]   serve HTTP (AUTH_KEY signs and checks tokens)
//	privmod --selftest      issue and check tokens in-process, print one deterministic line
//	privmod -version        print the version and the auth module version
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"

	"git.internal.example/platform/auth"
)

var Version = "dev"

func handler(v *auth.Verifier) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /whoami", func(w http.ResponseWriter, r *http.Request) {
		sub, err := v.Subject(r.Header.Get("Authorization"))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		fmt.Fprintf(w, "you are %s\n", sub)
	})
	return mux
}

func selfTest() string {
	v := auth.NewVerifier("selftest-key")
	h := handler(v)
	status := func(header string) int {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodGet, "/whoami", nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	tok := v.Sign("build-bot")
	return fmt.Sprintf("privmod selftest: auth %s; token %s; valid=%d missing=%d forged=%d",
		auth.Version, tok, status("Bearer "+tok), status(""), status("Bearer build-bot.deadbeef"))
}

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	selftest := flag.Bool("selftest", false, "print a deterministic self-test line and exit")
	version := flag.Bool("version", false, "print the version and exit")
	flag.Parse()
	switch {
	case *version:
		fmt.Printf("privmod %s (auth %s)\n", Version, auth.Version)
	case *selftest:
		fmt.Println(selfTest())
	default:
		key := os.Getenv("AUTH_KEY")
		if key == "" {
			log.Fatal("privmod: AUTH_KEY is not set")
		}
		log.Printf("privmod listening on %s", *addr)
		log.Fatal(http.ListenAndServe(*addr, handler(auth.NewVerifier(key))))
	}
}
