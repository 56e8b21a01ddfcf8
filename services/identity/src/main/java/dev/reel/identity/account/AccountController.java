package dev.reel.identity.account;

import dev.reel.kit.security.Callers;
import dev.reel.kit.web.ProblemException;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up ({@code POST /api/v1/accounts}, public) and the caller's own account. */
@RestController
@RequestMapping("/api/v1/accounts")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView signUp(@Valid @RequestBody SignupRequest request) {
        return accounts.signUp(request);
    }

    @GetMapping("/me")
    AccountView me() {
        return accounts.findActive(Callers.current().accountId())
                .orElseThrow(() -> ProblemException.notFound("The account no longer exists"));
    }
}
