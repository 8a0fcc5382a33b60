// Package token encodes "subject.signature" tokens with HMAC-SHA256 (hex signature).
package token

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
)

// ErrBadToken is returned for malformed tokens and bad signatures alike (no oracle).
var ErrBadToken = errors.New("token: invalid")

// Sign returns subject + "." + hex(HMAC-SHA256(key, subject)).
func Sign(key []byte, subject string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(subject))
	return subject + "." + hex.EncodeToString(m.Sum(nil))
}

// Verify checks a token made by Sign and returns its subject.
func Verify(key []byte, tok string) (string, error) {
	i := strings.LastIndexByte(tok, '.')
	if i <= 0 {
		return "", ErrBadToken
	}
	want := Sign(key, tok[:i])
	if !hmac.Equal([]byte(want), []byte(tok)) {
		return "", ErrBadToken
	}
	return tok[:i], nil
}
