FROM --platform=${TARGETPLATFORM}x alpine:3.20
