FROM amd64/golang:1.23
