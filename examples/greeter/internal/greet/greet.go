// Package greet builds the greeting the service returns.
package greet

import (
	"strings"
	"unicode"
)

// Message greets name politely; an empty or blank name becomes "stranger", and names are
// title-cased per word so the output does not depend on how the client typed it.
func Message(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "stranger"
	}
	words := strings.Fields(name)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return "Hello, " + strings.Join(words, " ") + "!"
}
