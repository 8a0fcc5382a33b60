FROM --platform=$PLATFORM alpine:3.20
