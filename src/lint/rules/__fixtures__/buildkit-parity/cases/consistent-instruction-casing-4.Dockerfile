FROM alpine:3.20
run true
CMD ["sh"]
