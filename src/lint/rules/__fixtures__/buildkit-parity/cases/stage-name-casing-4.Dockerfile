FROM golang:1.23 AS Build
RUN go version
FROM Build AS test
RUN --mount=type=cache,from=Build,target=/x true
FROM alpine:3.20
COPY --from=Build /go/bin /bin
