FROM arm64v8/alpine:3.20
