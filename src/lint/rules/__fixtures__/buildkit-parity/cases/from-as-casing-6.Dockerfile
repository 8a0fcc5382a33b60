from --platform=$BUILDPLATFORM alpine:3.20 AS base
run true
