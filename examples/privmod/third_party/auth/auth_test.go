package auth

import (
	"errors"
	"testing"
)

func TestSubject(t *testing.T) {
	v := NewVerifier("k1")
	tok := v.Sign("alice")
	if s, err := v.Subject("Bearer " + tok); err != nil || s != "alice" {
		t.Fatalf("valid token: %q %v", s, err)
	}
	if _, err := v.Subject(tok); !errors.Is(err, ErrNoBearer) {
		t.Fatalf("no Bearer prefix: %v", err)
	}
	if _, err := NewVerifier("k2").Subject("Bearer " + tok); err == nil {
		t.Fatal("token accepted under another key")
	}
	if _, err := v.Subject("Bearer alice.00"); err == nil {
		t.Fatal("forged signature accepted")
	}
}
