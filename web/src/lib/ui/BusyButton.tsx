import { Button, type ButtonProps } from 'react-aria-components';

type BusyButtonProps = Omit<ButtonProps, 'isPending'> & { busy: boolean };

/**
 * A button that ignores presses while its action runs, without losing focus (a disabled button
 * would drop it). react-aria's own `isPending` is avoided: it announces through a live region
 * whose aria-labelledby outlives the button, which axe reports (role-img-alt). Forms using it as
 * their submit button also check "already running" in onSubmit.
 */
export function BusyButton({ busy, onPress, className, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      className={`${typeof className === 'string' ? className : ''}${busy ? ' is-busy' : ''}`}
      aria-disabled={busy || undefined}
      onPress={busy ? undefined : onPress}
    />
  );
}
