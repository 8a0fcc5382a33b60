FROM golang:1.23
ARG DIR=src
WORKDIR ${DIR}/x
