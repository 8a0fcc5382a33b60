// Package router is a small gin-style HTTP router written for this example: routes with
// path parameters (":name") and catch-alls ("*path"), middleware chains, and route groups.
// It uses only the standard library so the example builds without network access.
package router

import (
	"encoding/json"
	"net/http"
	"strings"
)

// HandlerFunc handles one request; middleware calls c.Next() to run the rest of the chain.
type HandlerFunc func(c *Context)

// Context carries one request through its handler chain.
type Context struct {
	Writer   http.ResponseWriter
	Request  *http.Request
	params   map[string]string
	handlers []HandlerFunc
	index    int
	status   int
	aborted  bool
	values   map[string]any
}

// Param returns the value of a path parameter, "" when the route has none of that name.
func (c *Context) Param(name string) string { return c.params[name] }

// Next runs the remaining handlers in the chain (used by middleware).
func (c *Context) Next() {
	for c.index++; c.index < len(c.handlers) && !c.aborted; c.index++ {
		c.handlers[c.index](c)
	}
}

// Abort stops the chain after the current handler.
func (c *Context) Abort() { c.aborted = true }

// Set stores a value for later handlers; Get reads it back.
func (c *Context) Set(key string, v any) {
	if c.values == nil {
		c.values = map[string]any{}
	}
	c.values[key] = v
}

// Get returns a value stored with Set.
func (c *Context) Get(key string) (any, bool) { v, ok := c.values[key]; return v, ok }

// Status is the response status written so far (200 if nothing was written).
func (c *Context) Status() int {
	if c.status == 0 {
		return http.StatusOK
	}
	return c.status
}

// String writes a plain-text response.
func (c *Context) String(code int, s string) {
	c.Writer.Header().Set("Content-Type", "text/plain; charset=utf-8")
	c.writeHeader(code)
	_, _ = c.Writer.Write([]byte(s))
}

// JSON writes v as a JSON response.
func (c *Context) JSON(code int, v any) {
	c.Writer.Header().Set("Content-Type", "application/json")
	c.writeHeader(code)
	_ = json.NewEncoder(c.Writer).Encode(v)
}

func (c *Context) writeHeader(code int) {
	c.status = code
	c.Writer.WriteHeader(code)
}

type route struct {
	method   string
	segments []string
	handlers []HandlerFunc
}

// Router dispatches requests to routes registered on it or on its groups.
type Router struct {
	rootGroup
	routes   []route
	NotFound HandlerFunc
}

// rootGroup names the router's own group so its methods (Use, Group, GET, ...) are promoted
// without a field called Group hiding the Group method.
type rootGroup = Group

// Group is a path prefix with its own middleware, nested inside a router or another group.
type Group struct {
	router     *Router
	prefix     string
	middleware []HandlerFunc
}

// New returns an empty router.
func New() *Router {
	r := &Router{}
	r.rootGroup = Group{router: r}
	return r
}

// Use appends middleware to the group; it applies to routes registered afterwards.
func (g *Group) Use(m ...HandlerFunc) { g.middleware = append(g.middleware, m...) }

// Group returns a sub-group under prefix that inherits this group's middleware.
func (g *Group) Group(prefix string, m ...HandlerFunc) *Group {
	mw := append(append([]HandlerFunc{}, g.middleware...), m...)
	return &Group{router: g.router, prefix: joinPath(g.prefix, prefix), middleware: mw}
}

// Handle registers handlers for method and path (relative to the group).
func (g *Group) Handle(method, path string, h ...HandlerFunc) {
	chain := append(append([]HandlerFunc{}, g.middleware...), h...)
	full := joinPath(g.prefix, path)
	g.router.routes = append(g.router.routes, route{method: method, segments: split(full), handlers: chain})
}

// GET registers a GET route.
func (g *Group) GET(path string, h ...HandlerFunc) { g.Handle(http.MethodGet, path, h...) }

// POST registers a POST route.
func (g *Group) POST(path string, h ...HandlerFunc) { g.Handle(http.MethodPost, path, h...) }

// Routes lists "METHOD /path" for every registered route, in registration order.
func (r *Router) Routes() []string {
	out := make([]string, 0, len(r.routes))
	for _, rt := range r.routes {
		out = append(out, rt.method+" /"+strings.Join(rt.segments, "/"))
	}
	return out
}

// ServeHTTP finds the first matching route; a path that matches with another method gets 405.
func (r *Router) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	segs := split(req.URL.Path)
	methodMismatch := false
	for _, rt := range r.routes {
		params, ok := match(rt.segments, segs)
		if !ok {
			continue
		}
		if rt.method != req.Method {
			methodMismatch = true
			continue
		}
		c := &Context{Writer: w, Request: req, params: params, handlers: rt.handlers, index: -1}
		c.Next()
		return
	}
	c := &Context{Writer: w, Request: req, index: -1}
	switch {
	case methodMismatch:
		c.String(http.StatusMethodNotAllowed, "method not allowed\n")
	case r.NotFound != nil:
		r.NotFound(c)
	default:
		c.String(http.StatusNotFound, "not found\n")
	}
}

// match compares route segments with request segments, collecting parameters.
func match(pattern, path []string) (map[string]string, bool) {
	params := map[string]string{}
	for i, p := range pattern {
		if strings.HasPrefix(p, "*") {
			params[p[1:]] = strings.Join(path[i:], "/")
			return params, true
		}
		if i >= len(path) {
			return nil, false
		}
		if strings.HasPrefix(p, ":") {
			if path[i] == "" {
				return nil, false
			}
			params[p[1:]] = path[i]
			continue
		}
		if p != path[i] {
			return nil, false
		}
	}
	return params, len(pattern) == len(path)
}

func split(p string) []string {
	p = strings.Trim(p, "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

func joinPath(a, b string) string {
	return "/" + strings.Trim(strings.TrimRight(a, "/")+"/"+strings.TrimLeft(b, "/"), "/")
}
