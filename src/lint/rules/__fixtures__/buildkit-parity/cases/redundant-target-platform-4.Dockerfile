FROM --platform=${TARGETPLATFORM} golang:1.23 AS build
