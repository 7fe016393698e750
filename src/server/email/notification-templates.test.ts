import { describe, expect, it } from "vitest";
import { addedToPanelEmail, interviewCancelledEmail, invitationEmail, scorecardOverdueEmail } from "./notification-templates";

const when = new Date("2030-01-15T09:30:00Z");

describe("notification email templates", () => {
  it("put the organisation's name, the facts and the link in both the text and the HTML", () => {
    const email = addedToPanelEmail({
      orgName: "Riverside Community Health",
      panelistName: "Sam Okafor",
      candidateName: "Amara Nwosu",
      scheduledAt: when,
      location: "Room 4",
      link: "https://panelkit.example/interviews/i1",
    });
    expect(email.subject).toBe("You are on the interview panel for Amara Nwosu");
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Riverside Community Health");
      expect(body).toContain("Tuesday, 15 January 2030 at 09:30 UTC");
      expect(body).toContain("Room 4");
      expect(body).toContain("https://panelkit.example/interviews/i1");
    }
    expect(email.text).toContain("Open the interview: https://panelkit.example/interviews/i1");
  });

  it("show names and places as text in the HTML, never as markup", () => {
    const email = scorecardOverdueEmail({
      orgName: 'Acme <img src=x onerror="alert(1)">',
      panelistName: "<b>Sam</b>",
      candidateName: "A & B",
      scheduledAt: when,
      link: "https://panelkit.example/interviews/i1/score?a=1&b=2",
    });
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Acme &#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
    expect(email.html).toContain("A &#38; B");
    expect(email.html).toContain('href="https://panelkit.example/interviews/i1/score?a=1&#38;b=2"');
    expect(email.text).toContain("<b>Sam</b>");
  });

  it("mention the panel in an invitation only when there is one, and link to the cancelled panelist's interviews", () => {
    const orgOnly = invitationEmail({ orgName: "Org", inviterName: "Alex", scheduledAt: null, link: "https://x.example/invite/t" });
    expect(orgOnly.text).toContain("Alex invited you to join Org on Panelkit.");
    const withPanel = invitationEmail({ orgName: "Org", inviterName: "Alex", scheduledAt: when, link: "https://x.example/invite/t" });
    expect(withPanel.text).toContain("and to sit on an interview panel on Tuesday, 15 January 2030 at 09:30 UTC");
    const cancelled = interviewCancelledEmail({ orgName: "Org", panelistName: "Sam", candidateName: "Amara", scheduledAt: when, link: "https://x.example/my-interviews" });
    expect(cancelled.subject).toBe("Interview with Amara cancelled");
    expect(cancelled.text).toContain("See your interviews: https://x.example/my-interviews");
  });

  it("write to a recipient in their own language, dates included, and fall back to English for an unknown one", () => {
    const spanish = scorecardOverdueEmail({ locale: "es", orgName: "Org", panelistName: "Sam", candidateName: "Amara", scheduledAt: when, link: "https://x.example/i/score", timeZone: "America/Chicago" });
    expect(spanish.subject).toBe("Envíe su hoja de evaluación de Amara");
    expect(spanish.text).toContain("Hola, Sam:");
    expect(spanish.text).toContain("martes, 15 de enero de 2030, 3:30 America/Chicago");
    expect(spanish.text).toContain("Terminar su hoja de evaluación: https://x.example/i/score");
    expect(spanish.html).toContain('<html lang="es">');
    expect(spanish.text).toContain("Recibe este correo porque es miembro de Org en Panelkit.");
    const unknown = scorecardOverdueEmail({ locale: "xx", orgName: "Org", panelistName: "Sam", candidateName: "Amara", scheduledAt: when, link: "https://x.example/i/score" });
    expect(unknown.subject).toBe("Please submit your scorecard for Amara");
  });
});
