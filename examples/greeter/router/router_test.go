package router

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func serve(r *Router, method, path string) (int, string) {
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest(method, path, nil))
	return rec.Code, rec.Body.String()
}

func TestRoutes(t *testing.T) {
	r := New()
	r.GET("/hello/:name", func(c *Context) { c.String(200, "hello "+c.Param("name")) })
	r.GET("/files/*path", func(c *Context) { c.String(200, "file "+c.Param("path")) })
	r.POST("/items", func(c *Context) { c.String(201, "created") })

	cases := []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "/hello/gopher", 200, "hello gopher"},
		{"GET", "/hello/gopher/", 200, "hello gopher"},
		{"GET", "/hello/", 404, "not found\n"},
		{"GET", "/hello/a/b", 404, "not found\n"},
		{"GET", "/files/a/b/c.txt", 200, "file a/b/c.txt"},
		{"GET", "/files/", 200, "file "},
		{"POST", "/items", 201, "created"},
		{"GET", "/items", 405, "method not allowed\n"},
		{"GET", "/nope", 404, "not found\n"},
	}
	for _, tc := range cases {
		code, body := serve(r, tc.method, tc.path)
		if code != tc.code || body != tc.body {
			t.Errorf("%s %s = %d %q, want %d %q", tc.method, tc.path, code, body, tc.code, tc.body)
		}
	}
}

func TestMiddlewareOrderAndAbort(t *testing.T) {
	var trace []string
	r := New()
	r.Use(func(c *Context) { trace = append(trace, "outer-in"); c.Next(); trace = append(trace, "outer-out") })
	api := r.Group("/api", func(c *Context) {
		if c.Request.Header.Get("X-Token") == "" {
			c.String(http.StatusUnauthorized, "no token")
			c.Abort()
			return
		}
		c.Set("user", "alice")
		c.Next()
	})
	v1 := api.Group("v1")
	v1.GET("/me", func(c *Context) {
		u, _ := c.Get("user")
		trace = append(trace, "handler")
		c.JSON(200, map[string]any{"user": u})
	})

	code, body := serve(r, "GET", "/api/v1/me")
	if code != 401 || body != "no token" {
		t.Fatalf("without token: %d %q", code, body)
	}
	if got := strings.Join(trace, ","); got != "outer-in,outer-out" {
		t.Fatalf("trace without token = %s", got)
	}

	trace = nil
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/api/v1/me", nil)
	req.Header.Set("X-Token", "t")
	r.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Body.String() != "{\"user\":\"alice\"}\n" {
		t.Fatalf("with token: %d %q", rec.Code, rec.Body.String())
	}
	if got := strings.Join(trace, ","); got != "outer-in,handler,outer-out" {
		t.Fatalf("trace with token = %s", got)
	}
}

func TestGroupsListRoutes(t *testing.T) {
	r := New()
	g := r.Group("/admin/")
	g.GET("/users/:id", func(*Context) {})
	g.Group("/reports").POST("", func(*Context) {})
	got := strings.Join(r.Routes(), ";")
	if got != "GET /admin/users/:id;POST /admin/reports" {
		t.Fatalf("routes = %s", got)
	}
}

func TestCustomNotFound(t *testing.T) {
	r := New()
	r.NotFound = func(c *Context) { c.String(404, "custom") }
	if code, body := serve(r, "GET", "/x"); code != 404 || body != "custom" {
		t.Fatalf("got %d %q", code, body)
	}
}
