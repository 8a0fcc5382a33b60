package jobs

import (
	"testing"

	"example.com/multicmd/internal/store"
)

func TestRunPending(t *testing.T) {
	s := store.New()
	s.Put("job/email:welcome", "pending")
	s.Put("job/resize:a.png", "pending")
	s.Put("job/fax:x", "pending")
	s.Put("job/resize:old.png", "done")
	got := RunPending(s)
	want := []string{"job/email:welcome: sent welcome email", "job/fax:x: skipped unknown kind fax", "job/resize:a.png: resized a.png to 128x128"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, got[i], want[i])
		}
	}
	if again := RunPending(s); len(again) != 0 {
		t.Fatalf("second run processed %v", again)
	}
}
