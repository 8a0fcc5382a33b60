FROM alpine:3.20
ENV api_key=x DB_Password=y AWS_SECRET_ACCESS_KEY=z
