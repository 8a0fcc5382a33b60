package main

import (
	"log"
	"net/http"
	"time"

	"example.com/greeter/internal/greet"
	"example.com/greeter/router"
)

// Version is stamped at build time with -ldflags "-X main.Version=..."; the selftest does not
// print it so host and image runs compare equal.
var Version = "dev"

// newApp wires the routes: a logging middleware for everything, public greeting routes, and an
// /admin group guarded by a token header.
func newApp(logger *log.Logger, adminToken string) *router.Router {
	r := router.New()
	r.Use(func(c *router.Context) {
		start := time.Now()
		c.Next()
		if logger != nil {
			logger.Printf("%s %s %d %s", c.Request.Method, c.Request.URL.Path, c.Status(), time.Since(start).Round(time.Microsecond))
		}
	})
	r.GET("/healthz", func(c *router.Context) { c.String(http.StatusOK, "ok\n") })
	r.GET("/hello/:name", func(c *router.Context) { c.String(http.StatusOK, greet.Message(c.Param("name"))+"\n") })
	r.GET("/hello", func(c *router.Context) {
		c.String(http.StatusOK, greet.Message(c.Request.URL.Query().Get("name"))+"\n")
	})
	r.GET("/static/*path", func(c *router.Context) {
		c.JSON(http.StatusOK, map[string]string{"path": c.Param("path")})
	})
	admin := r.Group("/admin", func(c *router.Context) {
		if adminToken == "" || c.Request.Header.Get("X-Admin-Token") != adminToken {
			c.String(http.StatusForbidden, "forbidden\n")
			c.Abort()
			return
		}
		c.Next()
	})
	admin.GET("/routes", func(c *router.Context) { c.JSON(http.StatusOK, r.Routes()) })
	return r
}
