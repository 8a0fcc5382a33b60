// Package auth stands in for a company-internal module (git.internal.example/platform/auth)
// that public proxies cannot serve. It checks HMAC-signed bearer tokens.
package auth

import (
	"errors"
	"strings"

	"git.internal.example/platform/auth/token"
)

// Version of this module; the privmod example prints it so a test sees which copy was linked.
const Version = "v1.4.2"

// ErrNoBearer is returned when the Authorization header is not a bearer token.
var ErrNoBearer = errors.New("auth: missing bearer token")

// Verifier checks tokens signed with one shared key.
type Verifier struct{ key []byte }

// NewVerifier returns a verifier for key.
func NewVerifier(key string) *Verifier { return &Verifier{key: []byte(key)} }

// Sign issues a token for subject.
func (v *Verifier) Sign(subject string) string { return token.Sign(v.key, subject) }

// Subject validates an "Authorization: Bearer <token>" value and returns the token's subject.
func (v *Verifier) Subject(header string) (string, error) {
	raw, ok := strings.CutPrefix(header, "Bearer ")
	if !ok || raw == "" {
		return "", ErrNoBearer
	}
	return token.Verify(v.key, raw)
}
