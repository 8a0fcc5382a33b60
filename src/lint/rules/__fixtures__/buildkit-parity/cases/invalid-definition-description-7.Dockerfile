# Base image
FROM golang:1.23
