module example.com/privmod

go 1.26

require git.internal.example/platform/auth v1.4.2

// The internal module is not on any public proxy. Until the Stevedore goproxy serves it as a
// private module, a directory replace makes the build work offline (and forces Dockerfiles to
// copy third_party/auth before `go mod download`).
replace git.internal.example/platform/auth => ./third_party/auth
