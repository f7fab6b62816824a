import { useChatTexts } from "../chat-texts";

type Props = { choices: string[]; onChoose: (choice: string) => void; disabled: boolean };

/** Quick replies for the bot's latest question; choosing one sends it as the customer's message. */
export function ChoiceButtons({ choices, onChoose, disabled }: Props) {
  const texts = useChatTexts();
  return (
    <div className="chat-choices" role="group" aria-label={texts.labels.suggestedReplies}>
      {choices.map((choice) => (
        <button key={choice} type="button" className="chat-choice" onClick={() => onChoose(choice)} disabled={disabled}>
          {choice}
        </button>
      ))}
    </div>
  );
}
