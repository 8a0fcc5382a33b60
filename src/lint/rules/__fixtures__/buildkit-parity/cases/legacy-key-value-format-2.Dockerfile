FROM alpine:3.20
ENV GOPATH /go
