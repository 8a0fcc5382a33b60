FROM golang:1.23 AS a
WORKDIR /src
FROM a
WORKDIR app
