FROM alpine:3.20
ENV P=C:\\

RUN true
