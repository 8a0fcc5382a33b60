ARG REPO=Library/Alpine
FROM ${REPO}:3.20
