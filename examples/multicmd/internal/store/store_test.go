package store

import (
	"errors"
	"strings"
	"testing"
)

func TestMigrateOrderAndIdempotence(t *testing.T) {
	s := New()
	applied, err := s.Migrate(Schema())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(applied, ","); got != "001_create_meta,002_seed_jobs" {
		t.Fatalf("applied = %s", got)
	}
	if s.Version() != 2 || len(s.Keys("job/")) != 3 {
		t.Fatalf("version %d keys %v", s.Version(), s.Keys("job/"))
	}
	again, err := s.Migrate(Schema())
	if err != nil || len(again) != 0 {
		t.Fatalf("second run applied %v, %v", again, err)
	}
}

func TestMigrateRejectsBadLists(t *testing.T) {
	noop := func(*Store) error { return nil }
	if _, err := New().Migrate([]Migration{{1, "a", noop}, {1, "b", noop}}); err == nil {
		t.Fatal("duplicate versions accepted")
	}
	if _, err := New().Migrate([]Migration{{0, "zero", noop}}); err == nil {
		t.Fatal("version 0 accepted")
	}
}

func TestMigrateStopsAtFailure(t *testing.T) {
	s := New()
	boom := errors.New("boom")
	applied, err := s.Migrate([]Migration{
		{1, "ok", func(*Store) error { return nil }},
		{2, "bad", func(*Store) error { return boom }},
		{3, "never", func(*Store) error { t.Fatal("ran after failure"); return nil }},
	})
	if !errors.Is(err, boom) || len(applied) != 1 || s.Version() != 1 {
		t.Fatalf("applied %v err %v version %d", applied, err, s.Version())
	}
}
