// Package jobs processes the pending jobs in the store (what cmd/worker runs).
package jobs

import (
	"fmt"
	"strings"

	"example.com/multicmd/internal/store"
)

// RunPending marks every pending job done and returns one result line per job, in key order.
func RunPending(s *store.Store) []string {
	var out []string
	for _, key := range s.Keys("job/") {
		if v, _ := s.Get(key); v != "pending" {
			continue
		}
		kind, arg, _ := strings.Cut(strings.TrimPrefix(key, "job/"), ":")
		var result string
		switch kind {
		case "resize":
			result = "resized " + arg + " to 128x128"
		case "email":
			result = "sent " + arg + " email"
		default:
			result = "skipped unknown kind " + kind
		}
		s.Put(key, "done")
		out = append(out, fmt.Sprintf("%s: %s", key, result))
	}
	return out
}
