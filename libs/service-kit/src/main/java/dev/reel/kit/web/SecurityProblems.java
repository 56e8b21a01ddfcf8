package dev.reel.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problems Reel answers with when a request lacks a valid token or the right to act. */
public final class SecurityProblems {

    private SecurityProblems() {}

    public static ProblemDetail unauthorized() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, "Sign in and send the access token as 'Authorization: Bearer <token>'.");
        problem.setTitle("Unauthorized");
        return problem;
    }

    public static ProblemDetail forbidden() {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "You are not allowed to do this.");
        problem.setTitle("Forbidden");
        return problem;
    }
}
