FROM golang:1.23
WORKDIR src/app
