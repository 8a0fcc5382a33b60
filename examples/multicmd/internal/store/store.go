// Package store is the example's tiny in-memory key/value store with ordered schema migrations,
// shared by the server, the worker and the migrate command.
package store

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Migration is one schema step; steps apply in Version order, each exactly once.
type Migration struct {
	Version int
	Name    string
	Apply   func(s *Store) error
}

// Store is a goroutine-safe map plus the applied schema version.
type Store struct {
	mu      sync.Mutex
	data    map[string]string
	version int
}

// New returns an empty store at schema version 0.
func New() *Store { return &Store{data: map[string]string{}} }

// Put stores value under key.
func (s *Store) Put(key, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.data[key] = value
}

// Get returns the value under key.
func (s *Store) Get(key string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.data[key]
	return v, ok
}

// Keys lists the keys with the given prefix, sorted.
func (s *Store) Keys(prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.data {
		if strings.HasPrefix(k, prefix) {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// Version is the highest applied migration.
func (s *Store) Version() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.version
}

// Migrate applies the pending migrations in order and returns their names. Duplicate or
// non-positive versions are rejected before anything is applied.
func (s *Store) Migrate(ms []Migration) ([]string, error) {
	sorted := append([]Migration(nil), ms...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Version < sorted[j].Version })
	for i, m := range sorted {
		if m.Version <= 0 {
			return nil, fmt.Errorf("migration %q: version must be positive", m.Name)
		}
		if i > 0 && sorted[i-1].Version == m.Version {
			return nil, fmt.Errorf("migrations %q and %q share version %d", sorted[i-1].Name, m.Name, m.Version)
		}
	}
	var applied []string
	for _, m := range sorted {
		if m.Version <= s.Version() {
			continue
		}
		if err := m.Apply(s); err != nil {
			return applied, fmt.Errorf("migration %d %s: %w", m.Version, m.Name, err)
		}
		s.mu.Lock()
		s.version = m.Version
		s.mu.Unlock()
		applied = append(applied, fmt.Sprintf("%03d_%s", m.Version, m.Name))
	}
	return applied, nil
}

// Schema is the example application's migration list.
func Schema() []Migration {
	return []Migration{
		{Version: 2, Name: "seed_jobs", Apply: func(s *Store) error {
			for _, j := range []string{"resize:cat.png", "resize:dog.png", "email:welcome"} {
				s.Put("job/"+j, "pending")
			}
			return nil
		}},
		{Version: 1, Name: "create_meta", Apply: func(s *Store) error { s.Put("meta/schema", "jobs"); return nil }},
	}
}
