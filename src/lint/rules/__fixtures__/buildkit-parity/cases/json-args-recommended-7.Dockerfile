FROM alpine:3.20
CMD /app
SHELL ["/bin/ash", "-c"]
