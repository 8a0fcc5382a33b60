FROM alpine:3.20
SHELL ["/bin/ash", "-c"]
CMD /app --port 80
