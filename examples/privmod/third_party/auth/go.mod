module git.internal.example/platform/auth

go 1.22
