package org.mejora.idp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The local sign-in: the demo users and their roles, so a newcomer can try each role. */
@Controller
class LoginPage {

    private final DemoUsers users;

    LoginPage(DemoUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("users", users.all());
        return "login";
    }
}
