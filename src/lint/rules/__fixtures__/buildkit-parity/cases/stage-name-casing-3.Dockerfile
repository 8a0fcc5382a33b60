FROM golang:1.23 AS build-1.x
RUN go version
