package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestSelfTestLine(t *testing.T) {
	line, err := selfTest()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"200 Hello, Ada Lovelace!", "403 forbidden", "404 not found", `"GET /admin/routes"`} {
		if !strings.Contains(line, want) {
			t.Errorf("selftest line %q lacks %q", line, want)
		}
	}
}

func TestAdminNeedsConfiguredToken(t *testing.T) {
	app := newApp(nil, "") // no ADMIN_TOKEN: admin routes stay closed even for an empty header
	rec := httptest.NewRecorder()
	app.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/admin/routes", nil))
	if rec.Code != http.StatusForbidden {
		t.Fatalf("status %d, want 403", rec.Code)
	}
}
