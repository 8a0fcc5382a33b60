// Package buildinfo holds the version stamped into every binary of the example at link time
// (-ldflags "-X example.com/multicmd/internal/buildinfo.Version=...").
package buildinfo

// Version of the build; "dev" unless stamped.
var Version = "dev"

// Line is what each command prints for -version.
func Line(cmd string) string { return cmd + " " + Version }
