FROM alpine:3.20 AS Context
RUN true
