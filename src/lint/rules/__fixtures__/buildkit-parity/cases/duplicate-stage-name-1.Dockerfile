FROM alpine:3.20 AS a
RUN true
FROM alpine:3.20 AS b
RUN true
