package main

import (
	"strings"
	"testing"
)

func TestSelfTest(t *testing.T) {
	line := selfTest()
	if !strings.Contains(line, "valid=200 missing=401 forged=401") || !strings.Contains(line, "auth v1.4.2") {
		t.Fatalf("selftest line %q", line)
	}
}
