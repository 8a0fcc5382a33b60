FROM golang:1.23 AS a
WORKDIR /src
FROM alpine:3.20
WORKDIR app
