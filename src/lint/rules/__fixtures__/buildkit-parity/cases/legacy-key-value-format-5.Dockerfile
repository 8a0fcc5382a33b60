FROM alpine:3.20
ENV A "x y"
