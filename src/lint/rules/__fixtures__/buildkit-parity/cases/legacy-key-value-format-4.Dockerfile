FROM alpine:3.20
label maintainer jane
