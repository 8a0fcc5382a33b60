package greet

import "testing"

func TestMessage(t *testing.T) {
	cases := map[string]string{
		"gopher":         "Hello, Gopher!",
		"  ADA lovelace": "Hello, Ada Lovelace!",
		"":               "Hello, Stranger!",
		"élodie":         "Hello, Élodie!",
	}
	for in, want := range cases {
		if got := Message(in); got != want {
			t.Errorf("Message(%q) = %q, want %q", in, got, want)
		}
	}
}
